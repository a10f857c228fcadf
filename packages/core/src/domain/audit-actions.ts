/**
 * What each audited action means, in words a workspace admin reads on the audit page; an
 * action not listed here is shown as it is written.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'access.denied': 'Was refused access',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed to sign in',
  'auth.logout': 'Signed out',
  'auth.password_change_failed': 'Failed to change their password',
  'auth.password_changed': 'Changed their password',
  'auth.password_reset': 'Had their password reset',
  'auth.throttled': 'Was throttled after failed passwords',
  'auth.token_rejected': 'Used a token that was refused',
  'import.jira': 'Imported a Jira export',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.created': 'Invited someone to a team',
  'invitation.revoked': 'Revoked an invitation',
  'notification_endpoint.created': 'Added a notification endpoint',
  'notification_endpoint.deleted': 'Deleted a notification endpoint',
  'notification_endpoint.secret_rotated': "Rotated a notification endpoint's secret",
  'notification_endpoint.updated': 'Changed a notification endpoint',
  'notification_delivery.resent': 'Sent a notification again',
  'notification.unsubscribed': 'Unsubscribed from emails',
  'sponsor_link.created': 'Made a sponsor link',
  'sponsor_link.revoked': 'Revoked a sponsor link',
  'sponsor_link.used': 'Opened a sponsor link',
  'sprint.closed': 'Closed a sprint',
  'sprint.decision': 'Recorded a sprint decision',
  'story.outcome_corrected': "Corrected a story's outcome",
  'team.created': 'Created a team',
  'team.member_added': 'Added a team member',
  'team.member_removed': 'Removed a team member',
  'team.role_changed': "Changed a member's role",
  'token.created': 'Created a token',
  'token.revoked': 'Revoked a token',
  'user.created': 'Created an account',
  'user.deactivated': 'Deactivated an account',
  'user.profile_change_failed': 'Failed to change their email (wrong password)',
  'user.profile_changed': 'Changed their name or email',
  'user.reactivated': 'Reactivated an account',
};

/** The phrase for an action, or the action itself when it has none. */
export function auditPhrase(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? (AUDIT_ACTIONS[action] ?? action) : action;
}
