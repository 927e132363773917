#pragma once

#include "importbatch.h"
#include "interchange.h"

#include <QUndoCommand>

namespace chronomap {

class Story;

// An import as one step on the story's undo stack: Edit › Undo takes out everything the import
// added and puts back what it changed (entries, story properties, the origins a re-import
// reads), and Redo writes it all again with the same ids and values. Each direction is one
// transaction, one Change (a reset) and one audit line ("import" / "undo import").
//
// The import itself is written before the command exists (importInto, or a worker thread for a
// large file); the command starts applied, so its first redo() on push does nothing. If
// another window changed an imported entry since, undo refuses (EditGuard's message) rather
// than throw that edit away.
class ImportCommand final : public QUndoCommand
{
public:
    ImportCommand(Story* story, const QString& fileName, ImportJournal journal,
                  ChangeRecord record);

    void redo() override;
    void undo() override;

    const ImportJournal& journal() const { return m_journal; }
    QString error() const { return m_error; }
    // Runs the import (forward) or its undo now; false (with error()) if it did not.
    bool apply(bool forward);

private:
    bool check(bool forward);
    // "Cannot undo/redo “Import x”: <what> was changed since ...".
    QString refusal(bool forward, const QString& what) const;

    Story* m_story;
    ImportJournal m_journal;
    ChangeRecord m_record;
    bool m_applied = true;
    QString m_error;
    // The rows as the import wrote them, read before an undo deletes them, for the redo.
    QList<Category> m_categories;
    QList<Era> m_eras;
    QList<Entity> m_entries;
};

// Imports `parsed` into the story as one undo step: writes it (one transaction with its audit
// line) and pushes an ImportCommand. Throws StoreError and changes nothing on failure.
ImportSummary importInto(Story* story, const ParsedImport& parsed);

} // namespace chronomap
