"""Harness for the baseline: the reporting chapter's in-memory Sentry, with each event's id."""

from examples.reporting._harness import sentry_with_event_ids

__all__ = ["sentry_with_event_ids"]
