"""The kinds of store, one module each, behind the interface of :mod:`transition_kg.core.store`:
``base`` (the :class:`~transition_kg.core.stores.base.Store` every kind extends), ``embedded``
(the project's pyoxigraph store) and ``remote`` (a SPARQL 1.1 endpoint, read and written over
HTTP). A new kind of store is one new module here, and one line in
:func:`transition_kg.core.store.open_store`."""
