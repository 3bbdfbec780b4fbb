"""Tests of the imports from workbooks."""
