// The web app's public surface for tests and other packages: the API client and its error.
export { type ApiClient, ApiError, createApiClient } from './api/client';
