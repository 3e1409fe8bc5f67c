import { registerDifferential } from './differential';
import { chdb } from './engines';

registerDifferential(chdb, 30);
