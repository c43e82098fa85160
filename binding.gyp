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
      "target_name": "boardcti",
      "sources": ["<!@(node src/setup/gyp-sources.mjs native/core native/dsp native/media native/sig native/napi drivers)", "native/dsp/isa/isa_generic.cc"],
      "libraries": ["-lpthread", "-l:libpri.a"],
      "ldflags": ["-Wl,--wrap=gettimeofday", "-Wl,--wrap=time", "-Wl,--exclude-libs,libpri.a"],
      "conditions": [
        ["target_arch=='x64'", { "dependencies": ["isa_avx2", "isa_avx512"] }]
      ]
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
