#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QString>

namespace chronomap {

class Store;
struct CsvTable;

// Actor graphs for network analysts (Gephi, Cytoscape, igraph, NetworkX), both ways.
//
// GEXF 1.3: node and edge attributes declared in <attributes>, viz:color/size/position, edges
// directed or undirected, spells for an actor's validity and a relation's time bounds
// (mode="dynamic", timeformat="date" when any exist), timed values as dynamic <attvalue>s with
// start and end. GraphML: typed <key>s (label, kind, role, description, color, r, g, b, x, y,
// size; type, weight, status, description, date, start, end), a date or list attribute as a
// string key marked chronomap.type="date"/"list", and an attribute's timed values in a
// companion string key "<name>:timed" in Gephi's interval syntax (timedcells.h).
// The EDTF date of a relation ("date") and of an actor's validity ("valid") travel as text as
// well as a spell, so they come back exactly; attributes Chronomap has no field for are kept
// as typed attributes.
//
// Readers throw StoreError "file:line:column: what was expected" (an edge naming an unknown
// node, a bad date, malformed XML, a DTD with entities).
ImportBatch readGexf(const QByteArray& xml, const QString& fileName);
QByteArray writeGexf(const Store& store);
ImportBatch readGraphMl(const QByteArray& xml, const QString& fileName);
QByteArray writeGraphMl(const Store& store);

// Edge lists: source,target,type,start,end,weight (+ directed, status, description); source
// and target are actor names, start and end EDTF dates (either may be empty).
bool isEdgesTable(const CsvTable& table);
ImportBatch readEdgesTable(const CsvTable& table, const QString& fileName);
QByteArray writeEdgesCsv(const Store& store);

} // namespace chronomap
