/**
 * What the tests of every module share: a moto server as an emulated AWS account of a test's own
 * ({@link dev.tablecloud.testsupport.MotoServer}), and the JUnit 5 extension that starts one before
 * a test class and stops it after ({@link dev.tablecloud.testsupport.MotoExtension}).
 */
package dev.tablecloud.testsupport;
