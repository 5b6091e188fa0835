export { openServiceBackbone, type ServiceBackbone } from './service-backbone.js';
