// Post-processes the functions.json that custom-functions-metadata-plugin generates from the
// functions' JSDoc. The generator cannot set these two top-level flags the way this add-in
// needs them (Microsoft's "Manually create JSON metadata for custom functions" and "Handle and
// return errors from your custom function" pages document both at the root of the file):
//
//   allowErrorForDataTypeAny: true
//     Without it, an argument holding an Excel error (#DIV/0!, #N/A) never reaches a parameter
//     of type "any" (all of PERF's are: figures and tolerances come as numbers or text); Excel
//     answers for the function. With it, PERF passes the first error through itself, with the
//     same rule for scalars and ranges (src/functions/args.ts, firstError).
//   allowCustomDataForDataTypeAny: false
//     The generator writes true, which hands a linked data type or formatted number cell to
//     the function as an entity object ({ type, basicValue, ... }). The engine reads figures
//     and tolerances, not entities, so Excel is asked for the cell's basic value instead;
//     src/functions/args.ts also reads `basicValue` if a host sends the object anyway.
//
// test/build/functionsJson.test.ts checks the built file; test/build/functionsMetadata.test.ts
// checks the rewrite.
"use strict";

const FLAGS = { allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: false };

/** The metadata JSON text with the add-in's flags set at its root (other fields untouched). */
function withFlags(json) {
  const metadata = JSON.parse(json);
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error("functions.json has no functions list");
  return JSON.stringify({ ...metadata, ...FLAGS }, null, 4);
}

/** A webpack plugin: rewrites the emitted `file` (functions.json) with `withFlags`. */
class FunctionsMetadataFlagsPlugin {
  constructor(options = {}) {
    this.file = options.file || "functions.json";
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataFlagsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataFlagsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.file);
          if (!asset) {
            compilation.errors.push(new compiler.webpack.WebpackError(`${this.file} was not generated`));
            return;
          }
          compilation.updateAsset(this.file, new sources.RawSource(withFlags(asset.source.source().toString())));
        },
      );
    });
  }
}

module.exports = { FLAGS, withFlags, FunctionsMetadataFlagsPlugin };
