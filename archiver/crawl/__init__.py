"""What needs many pages at once: near-duplicate groups, site profiles (boilerplate repeated
across a host's pages). Each works on finished Documents or export directories, never inside
extraction."""
