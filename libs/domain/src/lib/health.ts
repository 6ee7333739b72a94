/** Body of `GET /api/health` (terminus' shape, narrowed to what Kring reports). */
export interface HealthStatus {
  status: 'ok' | 'degraded' | 'error' | 'shutting_down';
  info?: Record<string, { status: 'up' | 'down'; [key: string]: unknown }>;
  error?: Record<string, { status: 'up' | 'down'; [key: string]: unknown }>;
  details: Record<string, { status: 'up' | 'down'; [key: string]: unknown }>;
}
