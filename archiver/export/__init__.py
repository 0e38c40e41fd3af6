"""Dataset exports of an export directory or bag (one row per document), beside the bag."""
