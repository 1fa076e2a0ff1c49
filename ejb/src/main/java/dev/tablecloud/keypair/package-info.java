/**
 * IaSQL's key pair functions: key pairs made or imported in the cloud at once, outside any commit,
 * their rows written by a sync of just that key; a made key's private half is handed to the caller
 * once and kept nowhere.
 */
package dev.tablecloud.keypair;
