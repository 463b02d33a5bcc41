// Unit tests get a fresh in-memory IndexedDB (fake-indexeddb) for code under src/app/db.
import 'fake-indexeddb/auto';
