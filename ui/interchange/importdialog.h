#pragma once

#include "interchange/interchange.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace chronomap {

class Store;

// The import preview: what the file will become before anything is written. Shows the first
// rows as they are understood (date, title, group, actors), a column mapping for CSV files
// whose headers differ from Chronomap's (one combo box per event field), and what the import
// creates or merges (new events and actors, actors matched by name). Accepting it means
// "import this"; the caller writes parsed() into the story.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(ParsedImport parsed, const Store& store, QWidget* parent = nullptr);

    const ParsedImport& parsed() const { return m_parsed; }

private:
    void buildMapping();
    void remap();
    void refresh();

    ParsedImport m_parsed;
    const Store& m_store;
    QLabel* m_heading = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QGroupBox* m_mappingBox = nullptr;
    QList<QComboBox*> m_combos;
    QTableWidget* m_preview = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace chronomap
