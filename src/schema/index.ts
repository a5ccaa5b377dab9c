export * from './branding.ts';
export * from './date.ts';
export * from './feedback.ts';
export * from './plan.ts';
