using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameIndexByteOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Both columns of a table in one statement, so that its primary key is rebuilt once. The rows stay as they
            // are: only the order of the index changes, and for this text it sorts the same.
            migrationBuilder.Sql("""ALTER TABLE "NameGrams" ALTER COLUMN "Gram" TYPE character varying(2) COLLATE "C", ALTER COLUMN "Uscc" TYPE character varying(18) COLLATE "C";""");
            migrationBuilder.Sql("""ALTER TABLE "NameTrigrams" ALTER COLUMN "Gram" TYPE character varying(3) COLLATE "C", ALTER COLUMN "Uscc" TYPE character varying(18) COLLATE "C";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Uscc",
                table: "NameTrigrams",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Gram",
                table: "NameTrigrams",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Uscc",
                table: "NameGrams",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Gram",
                table: "NameGrams",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2,
                oldCollation: "C");
        }
    }
}
