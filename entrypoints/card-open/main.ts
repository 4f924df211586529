import { startCardOpen } from '../../extension/card-open';

startCardOpen(document);
