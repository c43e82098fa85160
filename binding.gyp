{
  "variables": {
    "bcti_cflags": ["-O2", "-fexceptions", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Wno-missing-field-initializers", "-Wno-psabi", "-fno-math-errno"]
  },
  "target_defaults": {
    "include_dirs": ["<(module_root_dir)", "<!(node -p \"require('node-addon-api').include_dir\")"],
    "cflags!": ["-fno-exceptions", "-O3"],
    "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++17", "-std=gnu++20"],
    "cflags": ["<@(bcti_cflags)"],
    "cflags_cc": ["-std=gnu++20", "-frtti", "<@(bcti_cflags)"],
    "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"]
  },
  "targets": [
    {
      # Every source of the engine, compiled once for both addons below. Each
      # N-API file registers its exports from a static initialiser (registry.h),
      # so the addons link the whole archive, not only what they reference.
      "target_name": "boardcti_lib",
      "type": "static_library",
      "sources": ["<!@(node src/setup/gyp-sources.mjs native/base native/core native/dsp native/media native/sig native/napi drivers --except native/napi/addon.cc)", "native/dsp/isa/isa_generic.cc"],
      "cflags_cc": ["-fPIC"],
      "conditions": [
        ["target_arch=='x64'", { "dependencies": ["isa_avx2", "isa_avx512"] }]
      ]
    },
    {
      # The production addon (src/native/addon.ts loads it).
      "target_name": "boardcti",
      "sources": ["native/napi/addon.cc"],
      "dependencies": ["boardcti_lib"],
      "ldflags": ["-Wl,--wrap=gettimeofday", "-Wl,--wrap=time", "-Wl,--exclude-libs,libpri.a", "-Wl,--whole-archive"],
      "libraries": ["-Wl,--no-whole-archive", "-lpthread", "-l:libpri.a"]
    },
    {
      # The same engine plus the test drivers under native/napi/test (exports
      # only tests use); loaded by test/helpers/test-addon.ts, never by src/.
      # Built by `node src/setup/build-native.mjs --test` (npm test), not by npm start.
      "target_name": "boardcti_test",
      "sources": ["native/napi/addon.cc", "<!@(node src/setup/gyp-sources.mjs native/napi/test --tests)"],
      "dependencies": ["boardcti_lib"],
      "ldflags": ["-Wl,--wrap=gettimeofday", "-Wl,--wrap=time", "-Wl,--exclude-libs,libpri.a", "-Wl,--whole-archive"],
      "libraries": ["-Wl,--no-whole-archive", "-lpthread", "-l:libpri.a"]
    }
  ],
  "conditions": [
    ["target_arch=='x64'", {
      "targets": [
        {
          "target_name": "isa_avx2",
          "type": "static_library",
          "sources": ["native/dsp/isa/isa_avx2.cc"],
          "cflags_cc": ["-mavx2", "-mfma", "-fPIC"]
        },
        {
          "target_name": "isa_avx512",
          "type": "static_library",
          "sources": ["native/dsp/isa/isa_avx512.cc"],
          "cflags_cc": ["-mavx512f", "-mavx512bw", "-mavx512dq", "-mavx512vl", "-mavx2", "-mfma", "-mprefer-vector-width=512", "-fPIC"]
        }
      ]
    }]
  ]
}
