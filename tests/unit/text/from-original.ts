// The inverse of toOriginal lives in core again (core/evidence/holders.ts maps a holder's
// original span back through it); the tests keep importing it from here.
export { fromOriginal } from '../../../core/text/normalize';
