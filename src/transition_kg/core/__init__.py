"""The core: the project's files, the store that holds them and the answers it gives.

Everything else is built on this room and it imports nothing above it. A change to how files
are read, loaded, inferred, validated or queried belongs here; a new kind of store is one new
module implementing :class:`transition_kg.core.store.Store`.
"""
