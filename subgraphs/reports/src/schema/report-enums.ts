import { registerEnumType } from 'type-graphql';
import {
  DeliveryStatus,
  ReportItemStatus,
  ReportStatus,
  ReportTemplate,
} from '../domain/report-vocabulary.js';

registerEnumType(ReportTemplate, {
  name: 'ReportTemplate',
  description:
    'SUMMARY: summary, key points, decisions, action items. PROTOCOL: formal minutes. ACTION_ITEMS: the tasks first',
});
registerEnumType(ReportStatus, { name: 'ReportStatus', description: 'Where a report run is' });
registerEnumType(ReportItemStatus, {
  name: 'ReportItemStatus',
  description: 'Whether a decision or action item is done',
});
registerEnumType(DeliveryStatus, {
  name: 'ReportDeliveryStatus',
  description: 'Where an e-mail delivery of a report is',
});

export { DeliveryStatus, ReportItemStatus, ReportStatus, ReportTemplate };
