/** The server's idea of "now". Injected so token expiry and throttling windows are tested without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
