package dev.tablecloud.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mapping row of the control database. Only this package touches it. */
@Entity
@Table(name = "value_mapping")
class ValueMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "environment_name", nullable = false)
    private String environmentName;

    @Column(nullable = false)
    private String kind;

    @Column(name = "table_name")
    private String tableName;

    @Column(name = "column_name")
    private String columnName;

    @Column(name = "from_value", nullable = false)
    private String fromValue;

    @Column(name = "to_value", nullable = false)
    private String toValue;

    protected ValueMapping() {
    }

    ValueMapping(String environmentName, MappingData data) {
        this.environmentName = environmentName;
        this.kind = data.kind();
        this.tableName = data.table();
        this.columnName = data.column();
        this.fromValue = data.from();
        this.toValue = data.to();
    }

    void change(MappingData data) {
        this.kind = data.kind();
        this.tableName = data.table();
        this.columnName = data.column();
        this.fromValue = data.from();
        this.toValue = data.to();
    }

    MappingData toData() {
        return new MappingData(id, kind, tableName, columnName, fromValue, toValue);
    }
}
