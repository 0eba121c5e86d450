"""The Slack app: /careers, mentions and DMs answered in threads with Block Kit."""

from assistant.slack.app import make_slack_app, mount_slack

__all__ = ["make_slack_app", "mount_slack"]
