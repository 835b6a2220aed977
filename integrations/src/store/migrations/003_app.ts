/** Context API tables for the apps; filled in with `../tables/app.ts`. */
export const up = async (): Promise<void> => {};
