"""The shared core of iop-peer-bot: platform-neutral, storage-neutral."""
