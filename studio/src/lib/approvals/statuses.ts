// The statuses an approval request goes through, in the order the queue's filter lists them.
import type { ApprovalStatus } from '$lib/api/client';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'withdrawn', 'superseded'];
