"""Third-party code copied into the tree.  Do not edit; update from upstream."""
