# dorado_area(NAME [DEPS targets...] [TEST_DEPS targets...])
#
# Declares the library dorado_NAME from src/dorado/NAME/**.cpp (an INTERFACE
# library when the area is header-only) and, when tests/NAME/ holds tests,
# the test executable dorado_NAME_tests registered with CTest. TEST_DEPS are
# linked into the tests only (e.g. QuantLib, the independent pricing oracle). Areas list the
# inner areas they depend on, so the dependency direction of DESIGN.md is
# visible here and enforced by the linker.
function(dorado_area NAME)
  cmake_parse_arguments(AREA "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/dorado/${NAME}/*.cpp)
  list(FILTER sources EXCLUDE REGEX ".*/main\\.cpp$")
  set(lib dorado_${NAME})
  if(sources)
    add_library(${lib} STATIC ${sources})
    target_include_directories(${lib} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${lib} PUBLIC ${AREA_DEPS})
  else()
    add_library(${lib} INTERFACE)
    target_include_directories(${lib} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${lib} INTERFACE ${AREA_DEPS})
  endif()

  if(DORADO_BUILD_TESTS)
    file(GLOB_RECURSE tests CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/${NAME}/*.cpp)
    if(tests)
      add_executable(${lib}_tests ${tests})
      target_include_directories(${lib}_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests)
      target_link_libraries(${lib}_tests PRIVATE ${lib} ${AREA_TEST_DEPS} GTest::gtest GTest::gmock
                                                  GTest::gtest_main)
      target_compile_definitions(${lib}_tests PRIVATE
        DORADO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
      gtest_discover_tests(${lib}_tests DISCOVERY_MODE PRE_TEST
                           PROPERTIES LABELS ${NAME})
    endif()
  endif()
endfunction()
