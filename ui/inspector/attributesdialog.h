#pragma once

#include "model/attributes.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace chronomap {

// Edits the typed custom attributes of one event, actor or relation (what a file brought that
// the story has no field for: Gephi's "Modularity Class", a spreadsheet's "party"): a row per
// attribute with its name, its type and a value editor that fits the type (a whole number, a
// number, a tick box, a date, a list separated by "|", or text). A value that does not fit its
// type is named under the table and OK stays disabled. Timed values (a dynamic graph's) are
// kept as they are unless the row is removed or retyped.
class AttributesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AttributesDialog(const Attributes& attributes, QWidget* parent = nullptr);

    // The attributes as edited, typed and canonical; nullopt while one does not fit its type
    // (problem() says which).
    std::optional<Attributes> attributes() const;
    QString problem() const;

    // For tests and scripts: the table, a row's value editor, and setting a row's contents.
    QTableWidget* table() const { return m_table; }
    QWidget* valueEditor(int row) const;
    void addRow(const Attribute& a);
    void setRowType(int row, AttributeType type);
    void setRowValue(int row, const QString& value);

private:
    void setEditor(int row, AttributeType type, const QString& value);
    QString rowValue(int row) const;
    AttributeType rowType(int row) const;
    void revalidate();

    QTableWidget* m_table;
    QLabel* m_problem;
    QPushButton* m_ok;
    QList<QList<AttributeSpell>> m_spells; // per row, as it came
    QList<AttributeType> m_originalTypes;
};

} // namespace chronomap
