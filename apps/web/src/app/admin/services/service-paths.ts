/** Where the admin keeps the service directory (under the admin routes, `admin.routes.ts`). */
export const SERVICE_DIRECTORY_PATH = '/beheer/diensten';
