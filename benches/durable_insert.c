/* The practical limit of `loadline log`: one process that opens a SQLite file in WAL mode with
 * synchronous=FULL, inserts one row in a BEGIN IMMEDIATE transaction and exits. Built and run
 * by scripts/bench-process beside Loadline:  cc -O2 benches/durable_insert.c -lsqlite3 */
#include <sqlite3.h>
#include <stdio.h>

int main(int argc, char **argv) {
    sqlite3 *db;
    if (argc != 2 || sqlite3_open(argv[1], &db) != SQLITE_OK) {
        fprintf(stderr, "usage: durable_insert FILE\n");
        return 2;
    }
    const char *sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
        "CREATE TABLE IF NOT EXISTS t (start INTEGER, minutes INTEGER, channel TEXT);"
        "BEGIN IMMEDIATE; INSERT INTO t VALUES (strftime('%s','now'), 3, 'chat'); COMMIT;";
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "durable_insert: %s\n", err);
        return 1;
    }
    return sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}
