/** A file the import refuses, with a reason a person can read. */
export class ImportRefused extends Error {}
