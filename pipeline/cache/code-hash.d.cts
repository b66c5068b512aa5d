/** The repository the pipeline lives in. */
export declare const ROOT: string
/** SHA-256 (hex) over the pipeline's code, dependency lock and Node version; computed once per process. */
export declare function codeHash(): string
/** Where the launcher leaves the hash it compiled the running code for. */
export declare const GIVEN_HASH: unique symbol
