/**
 * functions.js, the stand-alone script of =DANHMUC.BANGCHU for Excel's JavaScript-only custom-functions runtime (the
 * manifest's <Script>; no DOM there). CustomFunctions exists in that runtime as the script loads; anywhere else this
 * registers nothing and does nothing.
 */
import { registerFunctions } from './functions';

registerFunctions();
