export * from './customer-keys';
export * from './order-store';
export * from './customer-notes';
export * from './csat-ratings';
export {
  ingestCsatRatings,
  csatRatingOf,
  CSAT_STREAM,
  type CsatIngestReport,
  type CsatZendesk,
} from './csat-ingest';
export { ingestOrders, type IngestReport, type OrderIngestTarget, type IngestOptions } from './ingest';
export { startPeriodicOrderIngestion, type PeriodicIngestion } from './periodic-ingestion';
