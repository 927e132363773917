#pragma once

#include <QString>
#include <QStringList>

namespace chronomap {

// Which files Chronomap may write, replace or remove, so that no command loses a file it did
// not create: the one place every writer (command line, window, core) asks before it writes.
//
// The rule, documented in the README and in `chronomap --help`:
//  - A new file is written only where nothing exists yet (not even a dangling symbolic link).
//  - Never replaced or written, even with --force: the open story itself (however it is
//    named: a symbolic or hard link is the same file), the files SQLite keeps beside it
//    (-wal, -shm, -journal), any SQLite database (another story included), such a companion
//    of any database, a folder or anything that is not a regular file.
//  - An existing file is replaced (atomically: the old one stays whole until the new one is
//    complete) only when it is the kind of file the command writes: its name ends as ours
//    would (.json, .csv, .png, ...) and its content is that kind (JSON, text, a PNG, ...),
//    for example an earlier export. Anything else (a document, a spreadsheet, an archive) is
//    refused unless --force is given.
//  - Save a Copy replaces only a closed Chronomap story (no -wal or -shm beside it).

// The kind of file a command writes, for telling "an earlier export" from a foreign file.
enum class FileKind
{
    Story, // a .chronomap SQLite story
    Json,
    Csv,
    Gexf,
    GraphMl,
    Png,
    Jpeg,
    Svg,
    Pdf,
};

// The kind a data export format writes ("chronomap", "events-csv", ...) at `path`.
FileKind fileKindOfExport(const QString& format, const QString& path);
// The kind an image export writes, from the name's suffix (.png .jpg .svg .pdf).
FileKind fileKindOfImage(const QString& path);

// Whether two names reach the same file: the same device and inode (symbolic links followed,
// hard links recognised); for names that do not exist yet, the same resolved location.
bool sameFile(const QString& a, const QString& b);

// Whether `target` is the story at `storyPath` or one of the files SQLite keeps beside it.
bool isStoryOrCompanion(const QString& target, const QString& storyPath);

// The first 16 bytes say "SQLite format 3".
bool isSqliteDatabase(const QString& path);

// Throws StoreError (one line naming `target`) unless a command may write `target`, under
// the rule above. `openStory` is the story the command has open (may be empty). `force`
// allows replacing an existing file of another kind, never a story or its companions.
void checkWriteTarget(const QString& target, const QString& openStory, FileKind kind,
                      bool force = false);

// Throws StoreError unless `input` may be imported into the story at `storyPath`: a story
// is never its own input (nor its -wal, -shm or journal).
void checkImportInput(const QString& input, const QString& storyPath);

// Creates `path` as a new empty file, exclusively: throws StoreError if anything exists there
// (a file, a folder, a symbolic link) or beside it as a SQLite companion (-wal, -shm,
// -journal, which SQLite would take for the new story's). Afterwards the file and any
// companion that appears are this process's own, and may be removed on failure.
void claimNewFile(const QString& path);

// Removes a story this process created and its companions (after a failed create).
void removeCreatedStory(const QString& path);

// A name for a hidden temporary file beside `target` (same folder, so a rename is atomic),
// keeping its suffix, that does not exist now. The caller creates it.
QString temporaryBeside(const QString& target);

// Renames `from` onto `to`. With `replace` false the rename fails when `to` exists (the check
// and the rename are one step). Throws StoreError naming `to` with the system's reason.
void renameInto(const QString& from, const QString& to, bool replace);

// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, synced, then
// renamed over `path` (an existing file keeps its permissions). On failure the temporary file
// is removed, `path` is as it was, and StoreError names `path` and the system's reason ("No
// space left on device"). Checks nothing: callers ask checkWriteTarget first.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

// Why a story cannot be written; the window's banner and `info` say it in words.
enum class ReadOnlyReason
{
    None,      // writable
    Requested, // opened read-only on purpose (info, export, bench)
    File,      // the file itself is read-only for this user
    Folder,    // the folder cannot be written (SQLite needs its -wal and -shm there)
    Media,     // a read-only mount (a CD, a read-only share, a locked card)
    DiskFull,  // no space left for the -wal and -shm
    Damaged,   // the integrity check found damage
};

// What keeps the story at `path` from being opened for writing, from the file system alone.
ReadOnlyReason readOnlyReasonOf(const QString& path);
// Whether SQLite could create its -wal and -shm beside `path` (the folder is writable, on a
// writable mount with space left), or they exist already and can be used.
bool companionsUsable(const QString& path);
// One sentence for the user: "The folder ... cannot be written, so editing is off."
QString readOnlyReasonText(ReadOnlyReason reason, const QString& path);

} // namespace chronomap
