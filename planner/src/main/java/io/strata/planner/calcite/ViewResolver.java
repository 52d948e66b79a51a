package io.strata.planner.calcite;

import io.strata.planner.catalog.ViewDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** Derives the row type of a stored view by validating its query in the given schema. */
public interface ViewResolver {
  RelDataType rowType(ViewDef view, List<String> schemaPath);
}
