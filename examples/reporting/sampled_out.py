"""The event id page with sample_rate=0.0: no error event is sent, so there is no id to show."""

from examples.reporting import event_id_page


def create_app(dsn="http://public@127.0.0.1/1"):
    return event_id_page.create_app(dsn, sample_rate=0.0)
