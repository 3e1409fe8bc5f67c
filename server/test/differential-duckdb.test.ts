import { registerDifferential } from './differential';
import { duckdb } from './engines';

registerDifferential(duckdb, 60);
