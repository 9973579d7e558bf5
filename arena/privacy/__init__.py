"""AVG/GDPR: consent register, per-person export, erasure (with a log that survives restores) and retention."""
