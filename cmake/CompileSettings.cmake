# One INTERFACE target carries every compile setting; targets link it instead of global flags.
add_library(chronomap_settings INTERFACE)
target_compile_features(chronomap_settings INTERFACE cxx_std_20)
target_compile_definitions(chronomap_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
target_compile_options(chronomap_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${CHRONOMAP_WERROR}>:-Werror>)

option(CHRONOMAP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CHRONOMAP_SANITIZE)
    target_compile_options(chronomap_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(chronomap_settings INTERFACE -fsanitize=address,undefined)
endif()
