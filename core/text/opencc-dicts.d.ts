// opencc-js ships its dictionaries as plain ESM modules ("src dst|src dst|...") without typings;
// importing them one by one keeps the large Simplified→Traditional tables out of every bundle.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
