using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModuleOwnedTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NotificationLetters_Enterprises_Uscc",
                table: "NotificationLetters");

            migrationBuilder.DropForeignKey(
                name: "FK_Pushes_Enterprises_Uscc",
                table: "Pushes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_NotificationLetters_Enterprises_Uscc",
                table: "NotificationLetters",
                column: "Uscc",
                principalTable: "Enterprises",
                principalColumn: "Uscc",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pushes_Enterprises_Uscc",
                table: "Pushes",
                column: "Uscc",
                principalTable: "Enterprises",
                principalColumn: "Uscc",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
