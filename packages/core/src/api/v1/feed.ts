// Owned by the issue-8 API work: the zod wire schemas for /api/v1/feed routes.
export {};
