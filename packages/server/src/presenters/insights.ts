import { allowedInsightMoves, type Insight } from '@sextant/core';
import type { InsightRecord } from '@sextant/db';

export const presentInsight = (insight: InsightRecord): Insight => ({
  id: insight.id,
  projectId: insight.projectId,
  title: insight.title,
  description: insight.description,
  businessArea: insight.businessArea,
  status: insight.status,
  estimatedValue: insight.estimatedValue,
  allowedMoves: [...allowedInsightMoves(insight.status)],
  proposedAt: insight.proposedAt,
  acceptedAt: insight.acceptedAt,
  implementedAt: insight.implementedAt,
  rejectedAt: insight.rejectedAt,
  createdBy: insight.createdBy,
  createdAt: insight.createdAt,
  updatedAt: insight.updatedAt,
});
