import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '@mymeet/server';
import { requireUser } from '@mymeet/server';
import type { MeetingEntity } from '../entities/meeting.entity.js';
import { MeetingRepository } from '../repositories/meeting.repository.js';
import { MeetingService } from '../services/meeting.service.js';

export interface MeetingsContext extends SubgraphContext {
  meetings: MeetingService;
  /** Batches federation lookups of many meetings into one query per request. */
  meetingLoader: DataLoader<string, MeetingEntity | null>;
}

/** One EntityManager fork per request. */
export function meetingsContextFactory(orm: MikroORM, afterCommit: () => void) {
  return (base: SubgraphContext): MeetingsContext => {
    const meetings = new MeetingService(new MeetingRepository(orm.em.fork(), afterCommit));
    return {
      ...base,
      meetings,
      meetingLoader: new DataLoader((ids) => meetings.findVisibleByIds(requireUser(base), ids)),
    };
  };
}
