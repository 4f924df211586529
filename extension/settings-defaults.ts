// Kept so branches written before the move still compile; import from core/model/settings instead.
export { DEFAULT_SETTINGS } from '../core/model/settings';
