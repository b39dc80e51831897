package store

import (
	"context"
	"database/sql"
	"fmt"

	"quietroom/app/retention"
)

// ResetInterviewerKey stores an interviewer whose PIN was reset, with their new key slot, and
// appends ev; in the same transaction it clears every group key sealed to their old key (a
// board's, a panel's, a survey review team's), so they wait to be let in again wherever they
// are a member. All of it or nothing: no member is left holding a key their new PIN cannot
// open, nor waiting under a PIN that was never set.
func (d *DB) ResetInterviewerKey(ctx context.Context, iv Interviewer, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := putInterviewer(ctx, t, iv); err != nil {
			return err
		}
		for _, table := range []string{"board_members", "panel_member_keys", "survey_keys"} {
			if _, err := t.ExecContext(ctx, `UPDATE `+table+` SET sealed_key = NULL WHERE interviewer_id = ?`, iv.ID); err != nil {
				return err
			}
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("reset interviewer %s: %w", iv.ID, err)
	}
	return nil
}

// LetInPanelMember stores a recruitment's key sealed to a panel member who was waiting, and
// appends ev, in one transaction; session.ErrNotFound when they are not on the panel.
func (d *DB) LetInPanelMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error {
	return d.letIn(ctx, "panel_member_keys", engagementID, interviewerID, sealed, ev)
}

// LetInSurveyMember stores a survey's key sealed to a review-team member who was waiting, and
// appends ev, in one transaction; session.ErrNotFound when they are not on the review team.
func (d *DB) LetInSurveyMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error {
	return d.letIn(ctx, "survey_keys", engagementID, interviewerID, sealed, ev)
}

func (d *DB) letIn(ctx context.Context, table, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE `+table+` SET sealed_key = ? WHERE engagement_id = ? AND interviewer_id = ?`,
			sealed, engagementID, interviewerID)); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("let in %s: %w", engagementID, err)
	}
	return nil
}
