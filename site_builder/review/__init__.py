"""The review stage: the queue of reports that need an editor, and publishing a draft."""
